/** Queue names of the domain jobs, in a module without imports (jobs/definitions imports the handlers). */
export const BULK_JOB = "domains.bulk-run";
export const RENEWAL_RETRY_JOB = "domains.fulfil-renewal";
