/**
 * The schemas of the start-up calls (the session), in a chunk of their own: loaded by
 * `lazyParser` once an answer has come, so that the start-up bundle carries no zod.
 */
export { meSchema, signInAnswerSchema } from '@jijiao/contracts';
