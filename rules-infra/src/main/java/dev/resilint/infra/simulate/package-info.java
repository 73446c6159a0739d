/**
 * The AZ-failure simulation: for each stack (a template with its nested stacks, or one region of a
 * live account), which tiers lose capacity, or all of it, when one Availability Zone fails.
 *
 * <p>{@link dev.resilint.infra.simulate.ZoneFailureSimulation} is the entry point: it takes the
 * graphs of a run as {@link dev.resilint.infra.simulate.Scope}s, groups them into stacks, asks one
 * {@link dev.resilint.infra.simulate.TierReader} per kind of tier where each tier runs
 * ({@link dev.resilint.infra.simulate.Placement}), and returns a
 * {@link dev.resilint.infra.simulate.Simulation}: per stack, an
 * {@link dev.resilint.infra.simulate.Outcome} per zone and tier and a
 * {@link dev.resilint.infra.simulate.Verdict}. Renderers for text, JSON and Markdown live here
 * too, so that any report can embed a simulation.
 *
 * <p>Zones are read through the graph contract ({@link dev.resilint.infra.graph.GraphView#zonesOfSubnets},
 * {@link dev.resilint.infra.rules.support.Zones}): symbolic for templates ({@code az[0]}), named for
 * live accounts. A placement that cannot be known is {@link dev.resilint.infra.simulate.Outcome#UNKNOWN},
 * never safe.
 */
package dev.resilint.infra.simulate;
