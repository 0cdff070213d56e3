/**
 * Data sets for training and prediction: the {@link dev.tfe.data.Dataset} type (features and
 * labels as ND4J {@code DOUBLE} arrays), the {@link dev.tfe.data.Mnist} digits (bundled 10,000,
 * or standard IDX files from a directory) read by {@link dev.tfe.data.Idx}, and tabular data from
 * CSV through Tablesaw ({@link dev.tfe.data.Datasets}).
 */
package dev.tfe.data;
