package org.waterhole.organization;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * After signing in: the page that was asked for, or the home page; first, for someone whose
 * identity provider or directory gave no department, the page where they choose theirs. After a
 * person's first sign-in, that page shows once a notice linking to the privacy page.
 */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String CHOOSE_DEPARTMENT = "/account/department";

	/** The flash attribute whose presence shows the privacy notice (fragments/alerts). */
	static final String PRIVACY_NOTICE = "privacyNotice";

	/** The request attribute that says this sign-in is the account's first. */
	private static final String FIRST_SIGN_IN = SignInSuccess.class.getName() + ".first";

	private final FlashMapManager flashes = new SessionFlashMapManager();

	SignInSuccess() {
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (request.getAttribute(FIRST_SIGN_IN) != null) {
			FlashMap notice = new FlashMap();
			notice.put(PRIVACY_NOTICE, true);
			flashes.saveOutputFlashMap(notice, request, response);
		}
		if (authentication.getPrincipal() instanceof WaterholeUser user && user.isChoosingDepartment()) {
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, CHOOSE_DEPARTMENT);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * Marks the sign-in being handled, in this request, as the account's first (called while the
	 * sign-in is recorded, before this handler runs).
	 */
	static void markFirstSignIn() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(FIRST_SIGN_IN, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
