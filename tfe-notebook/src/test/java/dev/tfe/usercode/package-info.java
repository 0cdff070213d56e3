/** Tests written as a user would write them, from outside the library's packages. */
package dev.tfe.usercode;
