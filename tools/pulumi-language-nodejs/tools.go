//go:build tools

// Package tools pins the Node.js language host. From v3.69 the host is its own module, which the
// Go module proxy here refuses; up to sdk/v3 v3.68.0 it was a package of the SDK module, and that
// release speaks the same language-host protocol as the current engine.
package tools

import _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
