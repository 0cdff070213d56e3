/**
 * A small JSON reader and writer (maps, lists, strings, numbers, booleans, null), so that weights
 * manifests, hostmaps and benchmark records need no JSON dependency.
 */
package dev.tfe.json;
