console.log('build: todo')
