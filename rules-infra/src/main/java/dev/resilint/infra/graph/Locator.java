package dev.resilint.infra.graph;

import dev.resilint.core.Location;

/**
 * Where findings about a resource point: a template key's file, line and column, or a live
 * resource's ARN. Paths are relative to the resource, such as {@code Properties/MultiAZ}; list
 * items are 0-based indexes ({@code Properties/SubnetMappings/1/SubnetId}).
 */
@FunctionalInterface
public interface Locator {

    /** Where {@code path} is, or the nearest parent that exists; the empty path is the resource. */
    Location locate(String path);

    /**
     * Where a finding about {@code key} of one item of the list at {@code listPath} goes: the list's
     * logical path (findings add a discriminator, so fingerprints do not depend on the item's
     * position), placed at the item's {@code key}, or at the item, where the source knows it.
     *
     * @param item the item, as {@link Value#asList()} gave it
     */
    default Location locateInItem(String listPath, Value item, String key) {
        return locate(listPath);
    }
}
