package org.openapheresis.server.http;

import java.util.List;

/** What a feature contributes to the HTTP surface: its rows of the route table. */
@FunctionalInterface
public interface FeatureRoutes {

    /** @return the feature's routes, in the order the OpenAPI document lists them */
    List<Route> routes();
}
