/**
 * Sign-out for both consoles and the storefront: a plain POST form to /api/auth/sign-out (works on
 * every host and without JavaScript; the route refuses other origins). A server component.
 */
import { buttonClasses, type ButtonVariant } from "./button";

export function SignOutButton({
  label = "Sign out",
  variant = "secondary",
  className = "",
}: {
  label?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  return (
    <form method="post" action="/api/auth/sign-out">
      <button type="submit" className={buttonClasses(variant, className)}>
        {label}
      </button>
    </form>
  );
}
