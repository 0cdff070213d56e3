/**
 * Party processes over ZeroMQ: {@link dev.tfe.launcher.Cluster} starts one JVM per party on
 * this machine ({@code tfe.launchLocal()}, {@code ./tfe launch}) or attaches to parties started
 * on other hosts with {@code ./tfe party}; {@link dev.tfe.launcher.ProcessRuntime} runs a
 * session's plans on them; {@link dev.tfe.launcher.Coordinator} greets, feeds, supervises and
 * stops them.
 */
package dev.tfe.launcher;
