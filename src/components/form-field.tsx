/**
 * Labelled form controls, importable from server and client components alike: the controls are
 * client components (they read their form's feedback), the class helper is plain.
 */
export { controlClasses } from "./control-classes";
export { CheckboxField, Field, SelectField, TextAreaField, TextField } from "./form-controls";
