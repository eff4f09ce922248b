package webbuild_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/smsgauge/sms/internal/webbuild"
)

func ExampleGzipSize() {
	n, _ := webbuild.GzipSize(io.Discard, strings.NewReader(strings.Repeat("a", 10000)))
	fmt.Println(n < 100)
	// Output: true
}
