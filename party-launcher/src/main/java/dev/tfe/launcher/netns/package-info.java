/**
 * Party processes on separate (emulated) hosts: Linux network namespaces joined by veth pairs to
 * a hub namespace, each host with its own private address, a rate limit by the {@code tbf}
 * queueing discipline and a one-way delay added by a relay in the hub ({@link
 * dev.tfe.launcher.netns.DelayRelay}), since these kernels have no {@code netem}. Used by the
 * multi-host test and by {@code ./tfe bench --net lan|wan}; needs root.
 */
package dev.tfe.launcher.netns;
