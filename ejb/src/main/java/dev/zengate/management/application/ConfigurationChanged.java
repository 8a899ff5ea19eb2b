package dev.zengate.management.application;

/**
 * Fired with every audited change to something a node's configuration is compiled from; observed
 * after the transaction commits, to publish the affected bundles.
 */
public record ConfigurationChanged(String objectType) {}
