package dev.resilint.infra.graph;

import dev.resilint.core.Location;
import dev.resilint.core.tree.MapNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * One resource, shaped as in CloudFormation whatever its source: a logical id (or, for a live
 * resource, a stable name), a CloudFormation type, its properties, and a way to locate any of its
 * properties for a finding. Template resources locate to file, line and column; live resources to
 * their ARN.
 */
public final class Resource {

    private final String id;
    private final String type;
    private final MapNode definition;
    private final MapNode properties;
    private final Function<String, Location> locator;

    /**
     * @param id logical id
     * @param type CloudFormation resource type, for example {@code AWS::RDS::DBInstance}
     * @param definition the whole resource entry (Type, Properties, DeletionPolicy, Metadata, ...)
     * @param properties its {@code Properties} map (empty when there is none)
     * @param locator gives the location of a path below the resource, such as
     *     {@code Properties/MultiAZ}; the empty path locates the resource itself
     */
    public Resource(String id, String type, MapNode definition, MapNode properties,
            Function<String, Location> locator) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.locator = Objects.requireNonNull(locator, "locator");
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public MapNode definition() {
        return definition;
    }

    public MapNode properties() {
        return properties;
    }

    /**
     * Where {@code path} (slash-separated, relative to the resource; list items by 0-based index, as in
     * {@code Properties/SubnetMappings/1/SubnetId}) is, or the nearest parent that exists.
     */
    public Location locate(String path) {
        return locator.apply(path);
    }

    /** Where the property {@code name} is, or the resource itself when the property is not set. */
    public Location locateProperty(String name) {
        return locate("Properties/" + name);
    }

    @Override
    public String toString() {
        return id + " (" + type + ")";
    }
}
