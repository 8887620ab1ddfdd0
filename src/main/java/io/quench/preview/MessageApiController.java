package io.quench.preview;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Queued messages as JSON (docs/api.md). */
@RestController
class MessageApiController {

	private final MessageService messages;

	MessageApiController(MessageService messages) {
		this.messages = messages;
	}

	@GetMapping("/api/v1/messages")
	MessageListPage list(@RequestParam(required = false) String sender, @RequestParam(required = false) String queue,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + MessageQuery.DEFAULT_SIZE) int size) {
		return this.messages.list(new MessageQuery(sender, MessageQuery.queue(queue), page, size));
	}

	@GetMapping("/api/v1/messages/{id}")
	MessageDetail detail(@PathVariable long id, Principal principal) {
		return MessageDetail.of(this.messages.detail(id, principal.getName()));
	}

}
