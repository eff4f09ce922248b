// Command smsgauge estimates what an SMS costs before it is sent: its
// encoding, its segments and the characters that make it expensive.
//
// Usage:
//
//	smsgauge [flags] "text"       report on one body
//	echo text | smsgauge [flags]  report on standard input
//	smsgauge --jsonl < in.jsonl   one JSON line out per JSON line in
//	smsgauge SUBCOMMAND [flags]   see smsgauge help
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand of smsgauge. Each lives in its own file and
// registers itself from an init function, so files do not step on each other.
type command struct {
	name  string
	usage string // one line for "smsgauge help"
	run   func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("smsgauge: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand, or to the default report when the first
// argument names none.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
			printHelp(stdout)
			return 0
		}
		if c, ok := commands[args[0]]; ok {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	return runReport(args, stdin, stdout, stderr)
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "usage: smsgauge [flags] [text]   (reads standard input when no text is given)")
	fmt.Fprintln(w, "       smsgauge --jsonl           JSON lines in, JSON lines out")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "       smsgauge %-10s %s\n", n, commands[n].usage)
	}
}
