/**
 * The application's identity on the desktop. It must equal `appId` in electron-builder.yml
 * (checked by packaging.test.ts): on Windows, app.setAppUserModelId(APP_USER_MODEL_ID) makes
 * notifications show and the taskbar group the windows under the installed app's shortcut.
 */
export const APP_USER_MODEL_ID = 'app.between.desktop'
