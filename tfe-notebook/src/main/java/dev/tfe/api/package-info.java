/**
 * The user-facing API: {@link dev.tfe.api.Tfe} (parties, protocols, inputs, outputs, runs),
 * {@link dev.tfe.api.Party}, {@link dev.tfe.api.Output} and {@link dev.tfe.api.RunResult}. Everything
 * a notebook needs is here; the mechanics live in packages named by function.
 */
package dev.tfe.api;
