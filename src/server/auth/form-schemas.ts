/** Input shapes the sign-in, registration and password forms share across both areas. */
import { z } from "zod";
import { emailSchema } from "./email";
import { newPasswordSchema } from "./password";

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1000),
  next: z.string().optional(),
});

/** A 6-digit TOTP code or a recovery code ("abcde-fghjk"); spaces are the user's business. */
export const secondFactorCodeSchema = z.object({ code: z.string().trim().min(1, "Enter the code.").max(40) });

export const disableTwoFactorSchema = z.object({
  password: z.string().min(1, "Enter your password.").max(1000),
  code: z.string().trim().min(1, "Enter a code from your authenticator app or a recovery code.").max(40),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

const MISMATCH = { path: ["confirmPassword"], message: "The two passwords do not match." };

export const resetPasswordSchema = z
  .object({ token: z.string().min(1), password: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, MISMATCH);

export const registerSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, MISMATCH);

/** The confirmation link's token and the password chosen at sign-up, asked again. */
export const finishRegistrationSchema = z.object({
  token: z.string().min(1).max(4000),
  password: z.string().min(1, "Enter the password you chose when signing up.").max(1000),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, MISMATCH);

export const acceptInvitationSchema = z.object({
  token: z.string().min(1),
  name: z.string().trim().max(100, "Use at most 100 characters.").default(""),
  password: z.string().min(1, "Enter a password.").max(200),
});

/** "Confirm it's you": the password, the code when the account has one, and where to go back to. */
export const confirmIdentitySchema = z.object({
  password: z.string().min(1, "Enter your password.").max(1000),
  code: z.string().trim().max(40).optional(),
  next: z.string().max(2048).optional(),
});
