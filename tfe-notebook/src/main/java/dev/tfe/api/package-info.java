/**
 * The user-facing entry point: {@link dev.tfe.api.Tfe} (parties, protocols, inputs, outputs, runs,
 * private models and private training). The values a program holds ({@code Party}, {@code Output},
 * {@code RunResult}) live one level down in {@link dev.tfe.program}, so that private models can be
 * written against {@link dev.tfe.program.Program} without depending on this package; a notebook
 * imports both ({@code import dev.tfe.api.*; import dev.tfe.program.*;}, which the kernel does by
 * default).
 */
package dev.tfe.api;
