package io.quench.preview;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quench.source.Source;
import io.quench.source.SourceKind;
import io.quench.source.SourceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The message service: method security on every read, each look at a message's content
 * published as {@link MessageViewed} at the injected clock's time, unknown ids typed.
 */
@SpringJUnitConfig
class MessageServiceTests {

	static final Instant NOW = Instant.parse("2026-12-04T12:34:56Z");

	static final Path ROOT = Path.of("/srv/gwia");

	static final List<Object> published = new ArrayList<>();

	@Configuration
	@EnableMethodSecurity
	static class Config {

		@Bean
		MessageService messageService(MessageRepository repository, SamplePicker picker, MessageFiles files,
				SourceService sources) {
			ApplicationEventPublisher events = published::add;
			return new MessageService(repository, picker, files, sources, events, Clock.fixed(NOW, ZoneOffset.UTC));
		}

	}

	@MockitoBean
	MessageRepository repository;

	@MockitoBean
	SamplePicker picker;

	@MockitoBean
	MessageFiles files;

	@MockitoBean
	SourceService sources;

	@Autowired
	MessageService messages;

	static StoredMessage stored() {
		return new StoredMessage(42, 7, "send", "send/a.001", 10, NOW, "ab".repeat(32), "RFC5322", "PARSED", null,
				"spam@a.example", "Hi", List.of(), 0, List.of(), null);
	}

	static RenderedMessage rendered() {
		return new RenderedMessage(List.of(), List.of(), "Hi", "text", false, "<p>x</p>", List.of(), List.of(),
				List.of(), List.of(), 1, false);
	}

	@BeforeEach
	void aMessage() {
		published.clear();
		given(this.repository.find(42)).willReturn(Optional.of(stored()));
		given(this.repository.find(9)).willReturn(Optional.empty());
		given(this.sources.get(7))
			.willReturn(new Source(7, "GWIA queue", SourceKind.QUEUE, ROOT, ZoneId.of("UTC"), null, false, true));
	}

	@Test
	void withoutAnOperatorNothingIsRead() {
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.messages.preview(42, "x"));
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.messages.list(new MessageQuery("a@b.example", null, 0, 10)));
		assertThat(published).isEmpty();
	}

	@Test
	@WithMockUser(roles = "NOBODY")
	void anotherRoleIsRefused() {
		assertThatExceptionOfType(AuthorizationDeniedException.class).isThrownBy(() -> this.messages.html(42, "x"));
		assertThatExceptionOfType(AuthorizationDeniedException.class).isThrownBy(() -> this.messages.raw(42, 0, "x"));
		then(this.files).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerSeesTheMessageAndEachLookIsPublished() {
		given(this.files.read(ROOT, stored())).willReturn(new MessageFiles.Read(Integrity.CHANGED, rendered()));
		given(this.files.raw(ROOT, "send/a.001", 0)).willReturn(new RawChunk(0, "raw", 3, 3));
		given(this.files.raw(ROOT, "send/a.001", 3)).willReturn(new RawChunk(3, "", 3, 3));

		MessagePreview preview = this.messages.preview(42, "viewer");
		assertThat(preview.integrity()).isEqualTo(Integrity.CHANGED);
		assertThat(preview.sourceName()).isEqualTo("GWIA queue");
		assertThat(preview.raw().text()).isEqualTo("raw");
		assertThat(this.messages.html(42, "viewer").sanitizedHtml()).isEqualTo("<p>x</p>");
		assertThat(this.messages.raw(42, 3, "viewer").more()).isFalse();
		assertThat(this.messages.detail(42, "viewer").raw()).isNull();

		assertThat(published).containsExactly(new MessageViewed(42, "viewer", NOW, "page"),
				new MessageViewed(42, "viewer", NOW, "html"), new MessageViewed(42, "viewer", NOW, "raw"),
				new MessageViewed(42, "viewer", NOW, "api"));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aVanishedFileShowsTheStoredEnvelopeWithoutReadingRanges() {
		given(this.files.read(ROOT, stored())).willReturn(new MessageFiles.Read(Integrity.VANISHED, null));
		MessagePreview preview = this.messages.preview(42, "viewer");
		assertThat(preview.rendered()).isNull();
		assertThat(preview.raw()).isNull();
		assertThat(preview.message().sender()).isEqualTo("spam@a.example");
		then(this.files).should(never()).raw(any(), anyString(), anyLong());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anUnknownIdOrANegativeOffsetIsTypedAndNothingIsPublished() {
		assertThatExceptionOfType(MessageNotFoundException.class).isThrownBy(() -> this.messages.preview(9, "v"));
		assertThatExceptionOfType(MessageNotFoundException.class).isThrownBy(() -> this.messages.html(9, "v"));
		assertThatExceptionOfType(InvalidMessageQueryException.class).isThrownBy(() -> this.messages.raw(42, -1, "v"));
		assertThat(published).isEmpty();
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void samplesAreForOneSenderInLowerCaseAndTheChosenQueues() {
		given(this.picker.pick("spam@a.example", List.of("DEFER"))).willReturn(List.of());
		assertThat(this.messages.samples(" Spam@A.example ", MessageQuery.Queue.DEFER)).isEmpty();
		then(this.picker).should().pick("spam@a.example", List.of("DEFER"));
		assertThatExceptionOfType(InvalidMessageQueryException.class)
			.isThrownBy(() -> this.messages.samples(" ", null));
	}

}
