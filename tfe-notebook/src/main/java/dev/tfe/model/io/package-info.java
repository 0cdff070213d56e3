/**
 * Saving and loading models: the weights file ({@link dev.tfe.model.io.WeightsFile}, a zip of a
 * JSON manifest and raw little-endian doubles) and the registry of layer types it rebuilds layers
 * from ({@link dev.tfe.model.io.LayerRegistry}).
 */
package dev.tfe.model.io;
