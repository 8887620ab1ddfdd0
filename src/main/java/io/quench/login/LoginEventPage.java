package io.quench.login;

import java.util.List;

/**
 * One page of events, newest first.
 *
 * @param rows the events
 * @param next where the next page starts, or null on the last page
 */
public record LoginEventPage(List<LoginEventRow> rows, LoginCursor next) {

	public LoginEventPage {
		rows = List.copyOf(rows);
	}

}
