package io.quench.source;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The controllers in front of the real {@link SourceService}, so that its
 * {@code @PreAuthorize} rules (with the role hierarchy) decide; a mocked service would
 * not carry them. Only the repositories and the coordinator are mocked.
 */
@WebMvcTest({ SourceController.class, IngestRunController.class })
@WebSliceTest
@Import(SourceService.class)
class SecuredSourceControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SourceRepository repository;

	@MockitoBean
	IngestRunRepository runs;

	@MockitoBean
	IngestCoordinator coordinator;

	@BeforeEach
	void anEnabledQueue() {
		given(this.repository.findById(1)).willReturn(Optional
			.of(new Source(1, "queue", SourceKind.QUEUE, Path.of("/srv/gwia"), ZoneId.of("UTC"), null, false, true)));
		given(this.coordinator.start(any(), any())).willReturn(9L);
	}

	@Test
	@WithMockUser(username = "viewer", roles = "VIEWER")
	void aViewerStartingAScanGets403AndNoScanStarts() throws Exception {
		this.mvc.perform(post("/sources/1/scan").with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post("/sources/1/scan").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isForbidden());
		then(this.coordinator).should(never()).start(any(), any());
	}

	@Test
	@WithMockUser(username = "viewer", roles = "VIEWER")
	void aViewerCancellingAScanGets403() throws Exception {
		this.mvc.perform(post("/sources/runs/9/cancel").with(csrf())).andExpect(status().isForbidden());
		then(this.coordinator).should(never()).cancel(anyLong());
	}

	@Test
	@WithMockUser(username = "operator", roles = "OPERATOR")
	void anOperatorAddingOrDisablingASourceGets403() throws Exception {
		this.mvc
			.perform(post("/sources").param("name", "queue2")
				.param("kind", "QUEUE")
				.param("path", System.getProperty("java.io.tmpdir"))
				.param("zone", "UTC")
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/sources/1/enabled").param("enabled", "false").with(csrf()))
			.andExpect(status().isForbidden());
		then(this.repository).should(never()).insert(any(), anyBoolean(), any());
		then(this.repository).should(never()).setEnabled(anyLong(), anyBoolean(), any());
	}

	@Test
	@WithMockUser(username = "operator", roles = "OPERATOR")
	void anOperatorStartsAScanAndLandsOnItsRunPage() throws Exception {
		this.mvc.perform(post("/sources/1/scan").with(csrf())).andExpect(redirectedUrl("/sources/runs/9"));
		then(this.coordinator).should().start(any(), eq("operator"));
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void anAdminMayScanThroughTheRoleHierarchyAndAddASource() throws Exception {
		this.mvc.perform(post("/sources/1/scan").with(csrf())).andExpect(redirectedUrl("/sources/runs/9"));
		this.mvc
			.perform(post("/sources").param("name", "queue2")
				.param("kind", "QUEUE")
				.param("path", System.getProperty("java.io.tmpdir"))
				.param("zone", "UTC")
				.param("rescan", "manual")
				.with(csrf()))
			.andExpect(redirectedUrl("/sources"));
		then(this.repository).should().insert(any(), eq(false), any());
	}

}
