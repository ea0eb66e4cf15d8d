/** A page's lookup whose NOT_FOUND becomes Next's 404 page; any other failure stays an error. */
import { notFound } from "next/navigation";
import { isAppError } from "@/server/errors";

export function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  return lookup.catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
}
