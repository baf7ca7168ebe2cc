// Package rules screens destinations and goods against embargo and
// export-control rules, and decides each shipment's risk score and priority.
// Every hit it emits carries a stable reason code and its legal basis. Rules
// never import matchers: party hits reach Decide as plain evidence.
package rules
