/**
 * Private prediction with trained models: the one wrapper call ({@link dev.tfe.api.Tfe#privateModel}),
 * private layers written once over the protocol interface, and the client's view of a prediction.
 */
package dev.tfe.model.secure;
