/** Tests that execute the tutorial notebooks of {@code notebooks/} headless and check their outputs. */
package dev.tfe.notebooks;
