// iro.js - the only script iro's pages load. Pages work without it; it
// turns on the GOV.UK Frontend components' enhancements.
import { initAll } from './@GOVUK_JS@'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
