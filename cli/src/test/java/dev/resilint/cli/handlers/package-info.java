/**
 * Lambda handler classes for the TO03 flow test ({@code CheckClassesFlowTest}): compiled against the
 * real AWS SDK, each builds an SQS client with the timeouts its name says. They need not implement
 * {@code RequestHandler}: TO03 finds a handler by the class its function's {@code Handler} names.
 */
package dev.resilint.cli.handlers;
