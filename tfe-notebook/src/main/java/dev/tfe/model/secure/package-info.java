/**
 * Private prediction with trained models: the one wrapper call ({@link dev.tfe.api.Tfe#privateModel}),
 * private layers written once over the protocol interface, the client's view of a prediction, and
 * the analytical bytes and rounds a prediction should take, read off its planned graph for any
 * protocol ({@link dev.tfe.model.secure.PrivateModel#plannedCost}).
 */
package dev.tfe.model.secure;
