package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/smsgauge/sms/internal/webbuild"
	"github.com/smsgauge/sms/web"
)

func init() {
	register(command{name: "serve", usage: "serve the web composer, the page that estimates a message as you type", run: runServe})
}

// serveConfig is what the serve flags select.
type serveConfig struct {
	addr  string // listen address
	dir   string // prebuilt modules; empty: build into a temporary directory
	build string // build into this directory and exit

	// The server's timeouts; zero means the default of each (tests set
	// them short).
	readTimeout, writeTimeout, idleTimeout time.Duration
}

// The timeouts of the server: a request is small (GET of a file), the
// largest response is a module of a few MB, and an idle keep-alive
// connection is closed after idleTimeout, so that no client holds one open.
const (
	defaultReadHeaderTimeout = 10 * time.Second
	defaultReadTimeout       = 30 * time.Second
	defaultWriteTimeout      = 60 * time.Second
	defaultIdleTimeout       = 30 * time.Second
)

// newServer returns the http.Server of serve, with every timeout set.
func newServer(cfg serveConfig, h http.Handler) *http.Server {
	or := func(d, def time.Duration) time.Duration {
		if d > 0 {
			return d
		}
		return def
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(or(cfg.readTimeout, defaultReadTimeout), defaultReadHeaderTimeout),
		ReadTimeout:       or(cfg.readTimeout, defaultReadTimeout),
		WriteTimeout:      or(cfg.writeTimeout, defaultWriteTimeout),
		IdleTimeout:       or(cfg.idleTimeout, defaultIdleTimeout),
		MaxHeaderBytes:    64 << 10,
	}
}

// loopback reports whether a listener's address is a loopback one; an
// unspecified address (0.0.0.0, ::) listens on every interface.
func loopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

const serveAbout = `Serves the web composer on a local address: the page estimates a message as
it is typed, in WebAssembly modules built from this module's source at
startup (which needs the Go toolchain: in a clone of the repository, or from
the module cache at the installed binary's version), or taken prebuilt from
-dir. -build builds them into a directory and exits.`

// serveFlags declares the flags of serve into cfg.
func serveFlags(cfg *serveConfig) *flags {
	fs := newFlags("serve", cmdUsage{
		synopsis: []string{"smsgauge serve [-addr HOST:PORT] [-dir DIR | -build DIR]"},
		about:    serveAbout,
	})
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "listen address (loopback by default; the page needs no other host)")
	fs.StringVar(&cfg.dir, "dir", "", "serve modules already built into `DIR` instead of building them at startup")
	fs.StringVar(&cfg.build, "build", "", "build the modules into `DIR`, print their sizes and exit")
	return fs
}

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cfg serveConfig
	fs := serveFlags(&cfg)
	pos, code, ok := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return fs.usageError(stderr, fmt.Sprintf("unexpected argument %q (serve takes flags only)", pos[0]))
	}
	if cfg.dir != "" && cfg.build != "" {
		return fs.usageError(stderr, "-dir and -build exclude each other: -build DIR builds the modules that -dir DIR serves")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, cfg, stdout, stderr, nil)
}

// serve builds (unless cfg.dir names prebuilt modules) and serves the page
// until ctx ends. ready, if not nil, receives the bound address.
func serve(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer, ready func(net.Addr)) int {
	dir := cfg.dir
	if cfg.build != "" || dir == "" {
		out := cfg.build
		if out == "" {
			tmp, err := os.MkdirTemp("", "smsgauge-web-")
			if err != nil {
				fmt.Fprintln(stderr, "smsgauge serve:", err)
				return 1
			}
			defer os.RemoveAll(tmp)
			out = tmp
		}
		if err := buildWeb(ctx, out, stdout); err != nil {
			fmt.Fprintln(stderr, "smsgauge serve:", err)
			return 1
		}
		if cfg.build != "" {
			return 0
		}
		dir = out
	} else {
		for _, m := range webbuild.Modules {
			if _, err := os.Stat(filepath.Join(dir, m.File)); err != nil {
				fmt.Fprintf(stderr, "smsgauge serve: %s: %v (build it with: smsgauge serve -build %s)\n", m.File, err, dir)
				return 1
			}
		}
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		fmt.Fprintln(stderr, "smsgauge serve:", err)
		return 1
	}
	srv := newServer(cfg, web.Handler(dir))
	if !loopback(ln.Addr()) {
		fmt.Fprintf(stderr, "smsgauge serve: warning: %s is not a loopback address: other machines can reach the composer (use -addr 127.0.0.1:PORT to keep it local)\n", ln.Addr())
	}
	fmt.Fprintf(stdout, "serving the composer on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintln(stderr, "smsgauge serve:", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintln(stderr, "smsgauge serve:", err)
		return 1
	}
	return 0
}

// buildWeb compiles both modules, from the module that holds the working
// directory or else from the module cache at the binary's version, and
// prints their sizes.
func buildWeb(ctx context.Context, out string, stdout io.Writer) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	root, from, err := machineSource.webSource(ctx, wd)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "building the WebAssembly modules (GOOS=js GOARCH=wasm) from %s...\n", from)
	res, err := webbuild.Build(ctx, root, out)
	if err != nil {
		return err
	}
	for _, m := range res.Modules {
		fmt.Fprintf(stdout, "  %-20s %8.1f KB, %7.1f KB gzipped\n", m.File, float64(m.Size)/1000, float64(m.Gzip)/1000)
	}
	return nil
}
