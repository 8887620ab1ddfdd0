package io.quench.jar;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session against a running jar: cookies, and the CSRF token from the
 * login form.
 */
final class Session {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final RunningJar jar;

	Session(RunningJar jar) {
		this.jar = jar;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(this.jar.uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Posts the login form; returns where the server sends the browser next. */
	String logIn(String username, String password) throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get("/login").body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(token.group(1));
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.jar.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		return URI.create(response.headers().firstValue("Location").orElse("")).getPath();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
