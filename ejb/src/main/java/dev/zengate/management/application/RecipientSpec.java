package dev.zengate.management.application;

/** An e-mail recipient as a client sets it: the address and the digest's language (ja, en). */
public record RecipientSpec(String address, String language) {}
