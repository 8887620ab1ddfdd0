package io.quench.web;

import io.quench.user.DemoProperties;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page.
 */
@ControllerAdvice
class LayoutAttributes {

	private final DemoProperties demo;

	LayoutAttributes(DemoProperties demo) {
		this.demo = demo;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demo.active();
	}

}
