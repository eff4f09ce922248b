package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/smsgauge/sms/web"
)

// The composer page is served from the binary; the modules come from a
// build directory (see "smsgauge serve -build DIR").
func ExampleHandler() {
	h := web.Handler("/path/to/build")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/smsgauge-core.wasm", nil))
	fmt.Println(w.Code) // not built in this example
	// Output:
	// 200 text/html; charset=utf-8
	// 404
}

func ExampleSecurityHeaders() {
	h := http.Header{}
	web.SecurityHeaders(h)
	fmt.Println(h.Get("Cross-Origin-Opener-Policy"), h.Get("Cross-Origin-Embedder-Policy"))
	// Output: same-origin require-corp
}
