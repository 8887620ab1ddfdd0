package io.quench.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Picks a spread of a sender's messages for an operator to look at: the newest, the
 * oldest, one with the most common subject template, the rarest other templates, messages
 * to recipient domains the sender rarely writes to, and then messages evenly spread over
 * the queue time until {@link #MAX_SAMPLES}. Legitimate mail hides among spam as the
 * outlier, so outliers come before the spread.
 */
@Component
class SamplePicker {

	/** Samples shown: enough to see the pattern and its outliers, few enough to read. */
	static final int MAX_SAMPLES = 10;

	/** Rarest subject templates picked. */
	static final int RARE_SUBJECTS = 3;

	/** Rarest recipient domains picked. */
	static final int RARE_DOMAINS = 2;

	private final MessageRepository repository;

	SamplePicker(MessageRepository repository) {
		this.repository = repository;
	}

	List<Sample> pick(String sender, List<String> folders) {
		Map<Long, List<Sample.Reason>> picked = new LinkedHashMap<>();
		this.repository.byTime(sender, folders, 0, true)
			.ifPresent((s) -> add(picked, s.id(), new Sample.Reason(Sample.Kind.NEWEST, null, 0)));
		if (picked.isEmpty()) {
			return List.of();
		}
		this.repository.byTime(sender, folders, 0, false)
			.ifPresent((s) -> add(picked, s.id(), new Sample.Reason(Sample.Kind.OLDEST, null, 0)));
		List<MessageRepository.Shared> common = this.repository.templates(sender, folders, true, 1);
		if (!common.isEmpty()) {
			MessageRepository.Shared top = common.get(0);
			add(picked, top.sampleId(), new Sample.Reason(Sample.Kind.COMMON_SUBJECT, top.value(), top.messages()));
			this.repository.templates(sender, folders, false, RARE_SUBJECTS + 1)
				.stream()
				.filter((t) -> !t.value().equals(top.value()))
				.limit(RARE_SUBJECTS)
				.forEach((t) -> add(picked, t.sampleId(),
						new Sample.Reason(Sample.Kind.RARE_SUBJECT, t.value(), t.messages())));
		}
		List<MessageRepository.Shared> domains = this.repository.recipientDomains(sender, folders, true, 1);
		if (!domains.isEmpty()) {
			MessageRepository.Shared majority = domains.get(0);
			this.repository.recipientDomains(sender, folders, false, RARE_DOMAINS + 1)
				.stream()
				.filter((d) -> !d.value().equals(majority.value()) && d.messages() < majority.messages())
				.limit(RARE_DOMAINS)
				.forEach((d) -> add(picked, d.sampleId(),
						new Sample.Reason(Sample.Kind.RARE_DOMAIN, d.value(), d.messages())));
		}
		int room = MAX_SAMPLES - picked.size();
		long total = this.repository.count(sender, folders);
		if (room > 0 && total > picked.size()) {
			// Evenly spaced positions, as many more as were picked already (some of them
			// may be those), then every so many of the rest.
			int slots = room + picked.size();
			List<Long> positions = new ArrayList<>();
			for (int k = 1; k <= slots; k++) {
				positions.add(k * total / (slots + 1));
			}
			List<Long> candidates = this.repository.idsAtTimePositions(sender, folders, positions)
				.stream()
				.filter((id) -> !picked.containsKey(id))
				.toList();
			double stride = Math.max(1.0, (double) candidates.size() / room);
			for (int i = 0; i < room && (int) (i * stride) < candidates.size(); i++) {
				add(picked, candidates.get((int) (i * stride)), new Sample.Reason(Sample.Kind.SPREAD, null, 0));
			}
		}
		Map<Long, Sample> rows = this.repository.samples(new ArrayList<>(picked.keySet()))
			.stream()
			.collect(Collectors.toMap(Sample::id, Function.identity()));
		List<Sample> samples = new ArrayList<>();
		picked.forEach((id, reasons) -> {
			Sample row = rows.get(id);
			if (row != null) {
				samples.add(new Sample(id, row.queue(), row.subject(), row.mtime(), reasons));
			}
		});
		return samples;
	}

	private static void add(Map<Long, List<Sample.Reason>> picked, long id, Sample.Reason reason) {
		if (picked.size() >= MAX_SAMPLES && !picked.containsKey(id)) {
			return;
		}
		picked.computeIfAbsent(id, (key) -> new ArrayList<>()).add(reason);
	}

}
