/** Test support shared with other modules through the tests jar: the runtime under test. */
package dev.tfe.testing;
