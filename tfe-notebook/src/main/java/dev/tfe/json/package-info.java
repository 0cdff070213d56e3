/**
 * Untyped JSON through Gson, for files that their readers check field by field (hostmaps,
 * benchmark records, traces); typed files bind records with Gson directly.
 */
package dev.tfe.json;
