package org.openapheresis.server.http;

/** A route's handler: parse the request, call one thing, answer. */
@FunctionalInterface
public interface ApiHandler {
    void handle(Call call) throws Exception;
}
