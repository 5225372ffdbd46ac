package org.waterhole.organization;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After signing in: the page that was asked for, or the home page; first, for someone whose
 * identity provider or directory gave no department, the page where they choose theirs.
 */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String CHOOSE_DEPARTMENT = "/account/department";

	SignInSuccess() {
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (authentication.getPrincipal() instanceof WaterholeUser user && user.isChoosingDepartment()) {
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, CHOOSE_DEPARTMENT);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
