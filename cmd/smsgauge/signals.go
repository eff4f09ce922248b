package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"
)

// exitInterrupted is the exit code after an interrupt (128 + SIGINT).
const exitInterrupted = 130

// interruptContext returns a context that the first SIGINT or SIGTERM
// cancels, so that the command stops reading, finishes the rows it has and
// says it was interrupted. A second signal exits at once with code 130.
// stop undoes it.
func interruptContext(name string, stderr io.Writer) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			cancel()
		case <-done:
			return
		}
		select {
		case <-ch:
			fmt.Fprintf(stderr, "%s: interrupted twice: exiting now\n", name)
			os.Exit(exitInterrupted)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel()
	}
}

// terminalHint prints one line on stderr when stdin is a terminal, which
// would otherwise wait silently for input that the user may not know to type.
func terminalHint(stdin io.Reader, stderr io.Writer, what string) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(stderr, "%s (Ctrl-D ends the input, Ctrl-C stops)\n", what)
	}
}
