// Package data embeds dualscreen's default tables and demo data with go:embed
// and loads them. Nothing here is downloaded at build or run time.
package data
