/**
 * The computation graph as data: placed {@link dev.tfe.graph.Node}s built through
 * {@link dev.tfe.graph.Ops}, and the {@link dev.tfe.graph.Planner} that splits a graph into one
 * {@link dev.tfe.graph.Plan} per party with explicit messages.
 *
 * <p><b>Op identities.</b> Every node carries an {@link dev.tfe.graph.OpIdentity}: the frames open
 * when it was added, outermost first, each a {@link dev.tfe.graph.OpIdentity.Layer} (opened with
 * {@link dev.tfe.graph.Graph#layerScope}, e.g. a model and its layer) or an
 * {@link dev.tfe.graph.OpIdentity.Op} (opened with {@link dev.tfe.graph.Graph#opScope}: one call
 * of a protocol op, its {@link dev.tfe.graph.OpKind} being the protocol id and op name). A
 * protocol gives its nodes identities by opening an op frame around each op and sub-protocol
 * (in {@code AbstractProtocol}, {@code scope("op")} does it with the protocol's name); layers
 * by opening layer frames. Plans carry identities to party processes
 * ({@link dev.tfe.graph.OpIdentityCodec}); the profile, its reports, the drawing and the planned
 * costs group and select by them ({@code dev.tfe.profile.OpQuery}), never by parsing text.
 */
package dev.tfe.graph;
