// Command smsgauge estimates what an SMS costs before it is sent: its
// encoding, its segments and the characters that make it expensive.
//
// Usage:
//
//	smsgauge [flags] "text"       report on one body
//	echo text | smsgauge [flags]  report on standard input
//	smsgauge --jsonl < in.jsonl   one JSON line out per JSON line in
//	smsgauge SUBCOMMAND [flags]   see smsgauge help
//
// Flags may stand before or after the text; "--" ends them.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
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
// argument names none. A first argument that is nearly a command's name
// ("sugest") is refused as an unknown command rather than counted as text.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "help" {
			return runHelp(args[1:], stdin, stdout, stderr)
		}
		if c, ok := commands[args[0]]; ok {
			return c.run(args[1:], stdin, stdout, stderr)
		}
		if near := nearCommand(args[0]); near != "" {
			fmt.Fprintf(stderr, "smsgauge: unknown command %q (did you mean %s?)\n", args[0], near)
			fmt.Fprintf(stderr, "to report on the text %q, write: smsgauge -- %s\n", args[0], args[0])
			return 2
		}
	}
	return runReport(args, stdin, stdout, stderr)
}

// runHelp is "smsgauge help [COMMAND]".
func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		return runReport([]string{"-h"}, stdin, stdout, stderr)
	case len(args) > 1:
		fmt.Fprintln(stderr, "usage: smsgauge help [COMMAND]")
		return 2
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "smsgauge help: unknown command %q; the commands: %s\n", args[0], strings.Join(commandNames(), ", "))
		return 2
	}
	return c.run([]string{"-h"}, stdin, stdout, stderr)
}

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// printCommands lists the subcommands, under the flags of the root -h.
func printCommands(w io.Writer) {
	fmt.Fprintln(w, "commands (smsgauge help COMMAND, or smsgauge COMMAND -h, lists each one's flags):")
	for _, n := range commandNames() {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].usage)
	}
}

// nearCommand returns the command whose name word is a likely misspelling
// of, or "" when word looks like no command. Words that a body may well be
// are spared: only names at most one edit away (two for names of six
// letters or more), and only words of lower-case letters.
func nearCommand(word string) string {
	if len(word) < 3 || len(word) > 12 {
		return ""
	}
	for _, r := range word {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	for _, n := range commandNames() {
		limit := 1
		if len(n) >= 6 {
			limit = 2
		}
		if editDistance(word, n) <= limit {
			return n
		}
	}
	return ""
}

// editDistance is the Levenshtein distance of two ASCII words.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
