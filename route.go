package sms

// routeError returns an *AddressError for field about address a.
func routeError(field string, a Address, rule AddressRule) error {
	e := newAddressError(a.Value, rule, -1)
	e.Field = field
	return e
}

// CheckTo reports whether a can be the To of a message: any parsed address
// except an alphanumeric sender ID or an RCS agent, which can only send.
// The zero Address fails with RuleEmpty.
func CheckTo(to Address) error {
	switch to.Kind {
	case AddressInvalid:
		return routeError("To", to, RuleEmpty)
	case AddressSenderID:
		return routeError("To", to, RuleSenderIDAsTo)
	case AddressAgentID:
		return routeError("To", to, RuleAgentAsTo)
	}
	return nil
}

// CheckFrom reports whether a can be the From of a message: any parsed
// address (a number, short code, sender ID, channel address or RCS agent).
// The zero Address fails with RuleEmpty; a message sent through a Messaging
// Service may leave From empty, which is the caller's rule to apply.
func CheckFrom(from Address) error {
	if from.Kind == AddressInvalid {
		return routeError("From", from, RuleEmpty)
	}
	return nil
}

// CheckRoute checks from and to together: CheckFrom, CheckTo, and that a
// channel address on either side is matched by the same channel on the other
// ("whatsapp:" to "whatsapp:"). One exception: an RCS From may send to a bare
// phone number, which Twilio delivers over RCS when the handset supports it
// and otherwise over SMS; an "rcs:+E164" To forces RCS.
func CheckRoute(from, to Address) error {
	if err := CheckFrom(from); err != nil {
		return err
	}
	if err := CheckTo(to); err != nil {
		return err
	}
	if from.Channel == to.Channel {
		return nil
	}
	if from.Channel == ChannelRCS && to.Channel == ChannelSMS && to.Kind == AddressPhone {
		return nil
	}
	return routeError("To", to, RuleChannelMismatch)
}

// CheckFallback checks an SMS FallbackFrom for an RCS message from from to
// to: from must be an RCS sender, fallback an SMS sender (phone number,
// short code or sender ID), and to must not be an "rcs:" address, which
// forces RCS with no SMS fallback.
func CheckFallback(from, to, fallback Address) error {
	if fallback.Kind == AddressInvalid {
		return routeError("FallbackFrom", fallback, RuleEmpty)
	}
	if from.Channel != ChannelRCS {
		return routeError("FallbackFrom", fallback, RuleFallbackNotRCS)
	}
	if fallback.Channel != ChannelSMS {
		return routeError("FallbackFrom", fallback, RuleFallbackNotSMS)
	}
	if to.Channel == ChannelRCS {
		return routeError("FallbackFrom", fallback, RuleFallbackToRCS)
	}
	return nil
}
