/**
 * Private prediction with trained models: the one wrapper call ({@link dev.tfe.api.Tfe#privateModel}),
 * private layers written once over the protocol interface, the client's view of a prediction, and
 * the analytical bytes a prediction should send ({@link dev.tfe.model.secure.CommunicationModel},
 * from the per-op formulas of {@link dev.tfe.model.secure.OpCosts}).
 */
package dev.tfe.model.secure;
