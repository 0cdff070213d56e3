/**
 * The main job of {@code ./tfe demo}: plaintext training and private prediction on MNIST.
 */
package dev.tfe.launcher.demo;
