package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// This file is the one way every subcommand reads its flags and prints its
// help:
//
//   - flags may come before, between or after the other arguments, and "--"
//     ends them (what follows is text, even when it starts with "-");
//   - -h, -help and --help print the command's usage and every one of its
//     flags on standard output, and the command exits 0;
//   - a bad value says which values are valid.
//
// A subcommand builds its flag.FlagSet with newFlags and reads its
// arguments with parseFlags.

// cmdUsage is what -h prints above the flags.
type cmdUsage struct {
	// Synopsis lines, without "usage: ", such as
	// "smsgauge suggest [flags] [text ...]".
	synopsis []string
	// about is the paragraph under the synopsis; it may be empty.
	about string
	// after is printed below the flags (the root command lists its
	// subcommands there); it may be nil.
	after func(io.Writer)
}

// newFlags returns a flag set whose errors parseFlags reports. The usage is
// kept for printUsage.
func newFlags(name string, u cmdUsage) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags reports every error itself
	return &flags{FlagSet: fs, usage: u}
}

// flags is a flag.FlagSet with the usage text of its command.
type flags struct {
	*flag.FlagSet
	usage cmdUsage
}

// printUsage writes the usage in the one format all commands share:
//
//	usage: smsgauge CMD [flags] ...
//	       (more synopsis lines)
//
//	About paragraph.
//
//	flags:
//	  -name value
//	    	what it does
func (f *flags) printUsage(w io.Writer) {
	for i, s := range f.usage.synopsis {
		if i == 0 {
			fmt.Fprintf(w, "usage: %s\n", s)
		} else {
			fmt.Fprintf(w, "       %s\n", s)
		}
	}
	if f.usage.about != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimRight(f.usage.about, "\n"))
	}
	n := 0
	f.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nflags:\n")
		f.SetOutput(w)
		f.PrintDefaults()
		f.SetOutput(io.Discard)
	}
	if f.usage.after != nil {
		fmt.Fprintln(w)
		f.usage.after(w)
	}
}

// errHelp is returned by parseFlags when -h was asked for and the usage
// has been printed.
var errHelp = flag.ErrHelp

// parse reads args as parseFlags does and turns the outcome into an exit
// code for the caller: ok is false when the command must stop and return
// code (0 after -h, 2 for a bad flag, whose error it has written to stderr
// with the command's name, and a pointer to -h).
func (f *flags) parse(args []string, stdout, stderr io.Writer) (pos []string, code int, ok bool) {
	pos, err := parseFlags(f.FlagSet, args)
	switch {
	case err == nil:
		return pos, 0, true
	case errors.Is(err, errHelp):
		f.printUsage(stdout)
		return nil, 0, false
	}
	name := f.Name()
	if name != "smsgauge" {
		name = "smsgauge " + name
	}
	fmt.Fprintf(stderr, "%s: %v\n", name, err)
	fmt.Fprintf(stderr, "run '%s -h' for its flags\n", name)
	return nil, 2, false
}

// boolFlag is a flag.Value that needs no argument, as the flag package
// defines it.
type boolFlag interface {
	flag.Value
	IsBoolFlag() bool
}

// optionalValue is a boolean-like flag that also takes a value in the next
// argument when that argument is one of its values: "-smart gsm-only" is
// -smart=gsm-only, while "-smart hello" is -smart followed by the text
// "hello".
type optionalValue interface {
	boolFlag
	takesValue(next string) bool
}

// validValues is a flag.Value that can say which values it accepts.
type validValues interface {
	flag.Value
	valid() string
}

// parseFlags sets the flags of fs from args wherever they stand, and
// returns the other arguments in order. "--" ends the flags; "-" alone is
// an argument. A flag is written -name, --name, -name=value or
// -name value (boolean flags take a value only as -name=value). -h, -help
// and --help return errHelp unless fs defines them.
func parseFlags(fs *flag.FlagSet, args []string) (pos []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(pos, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name := a[1:]
		if name[0] == '-' {
			name = name[1:]
		}
		name, value, hasValue := strings.Cut(name, "=")
		if name == "" || name[0] == '-' {
			return nil, fmt.Errorf("%q is not a flag (put -- before text that starts with -)", a)
		}
		fl := fs.Lookup(name)
		if fl == nil {
			if name == "h" || name == "help" {
				return nil, errHelp
			}
			return nil, fmt.Errorf("unknown flag -%s (put -- before text that starts with -)", name)
		}
		if bf, ok := fl.Value.(boolFlag); ok && bf.IsBoolFlag() {
			if !hasValue {
				value = "true"
				if ov, ok := fl.Value.(optionalValue); ok && i+1 < len(args) && ov.takesValue(args[i+1]) {
					i++
					value = args[i]
				}
			}
		} else if !hasValue {
			if i+1 >= len(args) {
				return nil, fmt.Errorf("-%s needs a value: want %s", name, want(fl))
			}
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			return nil, fmt.Errorf("invalid value %q for -%s: %s", value, name, whyInvalid(fl, err))
		}
	}
	return pos, nil
}

// whyInvalid explains a rejected flag value: the flag's own message when it
// has one, or what the flag's type accepts.
func whyInvalid(fl *flag.Flag, err error) string {
	if _, ok := fl.Value.(validValues); ok {
		return "want " + want(fl)
	}
	if _, ok := fl.Value.(flag.Getter); ok {
		return "want " + want(fl)
	}
	return err.Error() // fs.Func flags: their function wrote the reason
}

// want names the values a flag accepts.
func want(fl *flag.Flag) string {
	if v, ok := fl.Value.(validValues); ok {
		return v.valid()
	}
	if g, ok := fl.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			return "true or false"
		case int, int64:
			return "a whole number"
		case uint, uint64:
			return "a whole number, 0 or more"
		case float64:
			return "a number"
		case time.Duration:
			return "a duration such as 90s, 15m or 1h"
		}
	}
	name, _ := flag.UnquoteUsage(fl)
	if name == "" {
		name = "value"
	}
	return "a " + name
}

// choiceFlag is a string flag with a fixed set of values, compared without
// regard to case. The zero value of its target is its default.
type choiceFlag struct {
	value   *string
	choices []string          // canonical spellings, in the order help lists them
	aliases map[string]string // other spellings (lower case) and their canonical one
}

func (c *choiceFlag) String() string {
	if c == nil || c.value == nil {
		return ""
	}
	return *c.value
}

func (c *choiceFlag) Set(s string) error {
	for _, ch := range c.choices {
		if strings.EqualFold(s, ch) {
			*c.value = ch
			return nil
		}
	}
	if ch, ok := c.aliases[strings.ToLower(s)]; ok {
		*c.value = ch
		return nil
	}
	return errors.New("want " + c.valid())
}

func (c *choiceFlag) valid() string { return orList(c.choices) }

// choice defines a flag that accepts one of choices (any case) and stores
// its canonical spelling.
func choice(fs *flag.FlagSet, name, value string, choices []string, usage string) *string {
	p := new(string)
	*p = value
	fs.Var(&choiceFlag{value: p, choices: choices}, name, usage)
	return p
}

// choiceAlias is choice with other accepted spellings: aliases maps each
// (in lower case) to its canonical choice. Help and errors name only the
// choices.
func choiceAlias(fs *flag.FlagSet, name, value string, choices []string, aliases map[string]string, usage string) *string {
	p := new(string)
	*p = value
	fs.Var(&choiceFlag{value: p, choices: choices, aliases: aliases}, name, usage)
	return p
}

// usageError writes msg as a bad use of the command, with the pointer to
// its -h that parse also gives, and returns the exit code 2.
func (f *flags) usageError(stderr io.Writer, msg string) int {
	name := f.Name()
	if name != "smsgauge" {
		name = "smsgauge " + name
	}
	fmt.Fprintf(stderr, "%s: %s\n", name, msg)
	fmt.Fprintf(stderr, "run '%s -h' for its flags\n", name)
	return 2
}

// isSet reports whether the flag name was given on the command line.
func (f *flags) isSet(name string) bool {
	set := false
	f.Visit(func(fl *flag.Flag) {
		if fl.Name == name {
			set = true
		}
	})
	return set
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
