// hello is the module the README's first command gates: a main package with no dependencies.
package main

import (
	"fmt"
	"os"
	"runtime"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	name := "world"
	if len(os.Args) > 1 {
		name = os.Args[1]
	}
	fmt.Printf("hello, %s (%s %s/%s)\n", name, version, runtime.GOOS, runtime.GOARCH)
}
