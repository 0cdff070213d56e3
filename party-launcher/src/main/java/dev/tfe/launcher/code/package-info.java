/**
 * Op modules sent by a local launcher to the party processes it started (issue 12, item 5): an
 * op written in a notebook cell runs on processes. The launcher reads the class files of the
 * module's own code base ({@link dev.tfe.launcher.code.ModuleCode}), seals them with a secret
 * made for that launch and handed to its parties on their standard input
 * ({@link dev.tfe.launcher.code.CodeKey}); a party accepts code only if it was started with that
 * secret and the seal verifies ({@link dev.tfe.launcher.code.CodeReceiver}). A party started any
 * other way ({@code ./tfe party}) has no secret and never loads code from the network.
 */
package dev.tfe.launcher.code;
